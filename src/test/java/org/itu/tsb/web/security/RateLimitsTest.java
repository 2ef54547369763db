package org.itu.tsb.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.itu.tsb.identity.ConsultationUser;
import org.itu.tsb.identity.Role;
import org.itu.tsb.kernel.ConsultationProperties;
import org.itu.tsb.kernel.TestProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** A representative, a reader or an anonymous client is limited per account and per address; TSB is not. */
class RateLimitsTest {

    private final RateLimits limits = new RateLimits(properties(3, 5, 4), new ObjectMapper());

    @AfterEach
    void forget() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aRepresentativeGets429WithRetryAfterBeyondItsAccountsLimit() throws Exception {
        as(new ConsultationUser("fra", Set.of(Role.REPRESENTATIVE), "FRA"));
        for (int i = 0; i < 3; i++) {
            assertThat(send("POST", "/api/consultations/1/replies", "10.0.0.1").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = send("POST", "/api/consultations/1/replies", "10.0.0.1");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 60L);
        assertThat(refused.getContentAsString()).contains("Too many requests");
        assertThat(send("GET", "/api/consultations/1/replies", "10.0.0.1").getStatus()).as("reading is not limited").isEqualTo(200);
    }

    @Test
    void oneAddressIsLimitedWhateverTheAccount() throws Exception {
        int accepted = 0;
        for (String user : List.of("a", "b", "c")) {
            as(new ConsultationUser(user, Set.of(Role.READER), null));
            for (int i = 0; i < 3; i++) {
                if (send("POST", "/consultations/1/reply", "10.0.0.2").getStatus() == 200) {
                    accepted++;
                }
            }
        }
        assertThat(accepted).isEqualTo(5);
    }

    @Test
    void anAnonymousClientIsLimitedPerAddress() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        for (int i = 0; i < 4; i++) {
            assertThat(send("GET", "/login", "10.0.0.3").getStatus()).isEqualTo(200);
        }
        assertThat(send("GET", "/login", "10.0.0.3").getStatus()).isEqualTo(429);
        assertThat(send("GET", "/login", "10.0.0.4").getStatus()).as("another address").isEqualTo(200);
    }

    @Test
    void tsbOfficersAreNeverLimited() throws Exception {
        as(new ConsultationUser("officer", EnumSet.of(Role.OFFICER), null));
        for (int i = 0; i < 50; i++) {
            assertThat(send("POST", "/api/consultations/1/replies", "10.0.0.5").getStatus()).isEqualTo(200);
        }
    }

    private static void as(ConsultationUser user) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.roles().stream().map(r -> new org.springframework.security.core.authority.SimpleGrantedAuthority(r.authority())).toList()));
    }

    private MockHttpServletResponse send(String method, String path, String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        limits.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static ConsultationProperties properties(int perAccount, int perAddress, int anonymous) {
        return TestProperties.with(new ConsultationProperties.Login(5, Duration.ofMinutes(5)),
                new ConsultationProperties.RateLimit(perAccount, perAddress, anonymous));
    }
}
