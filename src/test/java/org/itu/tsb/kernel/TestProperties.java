package org.itu.tsb.kernel;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.core.io.ByteArrayResource;

/** Settings for unit tests that build a bean by hand: the defaults of application.yml, with the login and rate limits given. */
public final class TestProperties {

    private TestProperties() {
    }

    public static ConsultationProperties with(ConsultationProperties.Login login, ConsultationProperties.RateLimit rateLimit) {
        return new ConsultationProperties(70, "tsb-officers", new ByteArrayResource(new byte[0]),
                new ConsultationProperties.Models("file:./"),
                new ConsultationProperties.Notices("tsb-consultations@itu.example", "tsb{studyGroup}@studygroups.example",
                        "tsbdir@itu.example", "en",
                        List.of(new ConsultationProperties.InformationCopy("ITU-T Sector Members", "itu-t-sector-members@itu.example", "en")),
                        new ConsultationProperties.Contact("+41 22 730 6206", "+41 22 730 5853", "tsb{studyGroup}@itu.example"),
                        URI.create("http://localhost:8080"), Duration.ofDays(14), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMinutes(15), 10, Duration.ofMinutes(5)),
                new ConsultationProperties.Api(262_144), new ConsultationProperties.Replies(10_485_760),
                new ConsultationProperties.Questions(10_485_760),
                new ConsultationProperties.Security("study-group-readers", "member-state-", login, rateLimit),
                false);
    }
}
