package org.itu.tsb.memberstate;

import java.util.List;

/** An ITU Member State administration: ISO 3166-1 alpha-3 code, English short name, notice language and addresses. */
public record MemberState(String code, String name, String language, List<String> emails) {

    public MemberState {
        emails = List.copyOf(emails);
    }
}
