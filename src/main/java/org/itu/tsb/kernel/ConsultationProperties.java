package org.itu.tsb.kernel;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting of the application ({@code consultation.*}) in one place, checked at start: a wrong value stops the
 * application with a message naming the property, rather than surfacing at the deadline. Defaults live in
 * {@code application.yml}; the README's configuration table describes each one.
 */
@ConfigurationProperties("consultation")
@Validated
public record ConsultationProperties(
        /** WTSA Resolution 1 clause 7.3.2: the share of counted replies (per cent) that must support a Question. */
        @Min(1) @Max(100) int approvalThresholdPercent,
        /** The Camunda group whose members work the officers' user tasks; the BPMN model names the same group. */
        @NotBlank @Pattern(regexp = "[a-zA-Z0-9-]+") String officerGroup,
        /** The Member State registry (CSV: code, name, language, e-mail addresses). */
        @NotNull Resource memberStates,
        @Valid @NotNull Models models,
        @Valid @NotNull Notices notices,
        @Valid @NotNull Api api,
        @Valid @NotNull Replies replies,
        @Valid @NotNull Questions questions,
        @Valid @NotNull Security security,
        /** Load TSB Circular 101 as a demo consultation at start. */
        boolean demo) {

    /** @param root where {@code processes/} and {@code forms/} are read at every start */
    public record Models(@NotBlank String root) {
    }

    /**
     * @param from               the sender of every notice
     * @param studyGroupAddress  the study group's address; {@code {studyGroup}} becomes e.g. {@code sg17}
     * @param directorAddress    the Director of TSB's address, to whom reasons are forwarded
     * @param language           the language of the notices to the study group and the Director (en, fr, es, ...)
     * @param informationCopies  the circular's other addressees: they get the circular and the result for information
     * @param contact            TSB's contact details, as the circular gives them
     * @param publicUrl          where the application is reached from outside, for the links in the notices
     * @param remindBefore       the reminder goes this long before the deadline; none if the consultation is shorter
     * @param deliverEvery       how often the delivery looks for notices due to be sent, and the replies'
     *                           acknowledgements due are composed into the outbox
     * @param firstRetryAfter    a notice the mail server refused is tried again after this, then twice as long each time
     * @param longestRetryAfter  ... but never longer than this
     * @param maxAttempts        after so many refusals a notice is FAILED, with its error, for an officer to re-send
     * @param claimTimeout       a notice claimed for sending this long ago, by a node that died, is taken back
     */
    public record Notices(@NotBlank @Email String from,
                          @NotBlank @Pattern(regexp = ADDRESS, message = "must be an e-mail address") String studyGroupAddress,
                          @NotBlank @Email String directorAddress,
                          @NotBlank @Pattern(regexp = LANGUAGE, message = "must be a language code, e.g. en") String language,
                          @NotNull List<@Valid InformationCopy> informationCopies,
                          @Valid @NotNull Contact contact,
                          @NotNull URI publicUrl,
                          @NotNull Duration remindBefore,
                          @NotNull Duration deliverEvery,
                          @NotNull Duration firstRetryAfter,
                          @NotNull Duration longestRetryAfter,
                          @Min(1) int maxAttempts,
                          @NotNull Duration claimTimeout) {

        static final String ADDRESS = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
        static final String LANGUAGE = "[a-z]{2,3}";
    }

    /**
     * One addressee of the circular other than the Member States (ITU-T Sector Members, Associates, Academia, the study
     * group's Chair and Vice-chairs, the Directors of BDT and BR).
     *
     * @param name     as the circular's distribution list names it
     * @param address  its mailing list; {@code {studyGroup}} becomes e.g. {@code sg17}
     * @param language the language of its copies
     */
    public record InformationCopy(@NotBlank String name,
                                  @NotBlank @Pattern(regexp = Notices.ADDRESS, message = "must be an e-mail address") String address,
                                  @NotBlank @Pattern(regexp = Notices.LANGUAGE, message = "must be a language code, e.g. en") String language) {
    }

    /**
     * @param telephone as the circular prints it
     * @param fax       where a reply form may be faxed
     * @param email     where a reply form may be e-mailed; {@code {studyGroup}} becomes e.g. {@code sg17}
     */
    public record Contact(@NotBlank String telephone, @NotBlank String fax,
                          @NotBlank @Pattern(regexp = Notices.ADDRESS, message = "must be an e-mail address") String email) {
    }

    /** @param maxBodyBytes the largest JSON body the API reads */
    public record Api(@Positive long maxBodyBytes) {
    }

    /** @param maxAttachmentBytes the largest scanned reply form an officer may attach */
    public record Replies(@Positive long maxAttachmentBytes) {
    }

    /** @param maxDocumentBytes the largest document with a Question's text (a PDF) an officer may attach */
    public record Questions(@Positive long maxDocumentBytes) {
    }

    /**
     * @param readerGroup            the Camunda group of study group readers
     * @param memberStateGroupPrefix a representative of France is in the group {@code <prefix>fra}
     * @param login                  how failed logins are slowed
     * @param rateLimit              how much a representative or an anonymous client may send
     */
    public record Security(@NotBlank @Pattern(regexp = "[a-zA-Z0-9-]+") String readerGroup,
                           @NotBlank @Pattern(regexp = "[a-z0-9-]+") String memberStateGroupPrefix,
                           @Valid @NotNull Login login,
                           @Valid @NotNull RateLimit rateLimit) {
    }

    /**
     * @param freeFailures failed logins allowed (per user and client address) before each further one is delayed
     * @param maxDelay     the longest a user or an address waits before it may try again: never locked for good
     */
    public record Login(@Min(1) int freeFailures, @NotNull Duration maxDelay) {
    }

    /**
     * @param writesPerAccount requests that change something, per representative or reader account, per minute
     * @param writesPerAddress the same per client address
     * @param anonymousPerAddress any request without a login, per client address, per minute
     */
    public record RateLimit(@Positive int writesPerAccount, @Positive int writesPerAddress, @Positive int anonymousPerAddress) {
    }
}
