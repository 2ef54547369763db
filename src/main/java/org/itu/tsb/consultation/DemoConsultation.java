package org.itu.tsb.consultation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.itu.tsb.kernel.UtcTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --consultation.demo=true}: TSB Circular 101 (SG17, TSAG Geneva 26-30 January 2026, three Questions) as an
 * open consultation whose two-month deadline lies in the future, each Question with the start of its agreed text. Loaded
 * once: a restart does not load it again.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "consultation.demo", havingValue = "true")
public class DemoConsultation implements ApplicationRunner {

    static final String CIRCULAR_NUMBER = "101";
    /** Who the audit trail says recorded the demo. */
    static final String LOADED_BY = "demo-loader";
    private static final Logger log = LoggerFactory.getLogger(DemoConsultation.class);

    // The Questions' texts: the first paragraph of each one's "1 Motivation" in Annex 1 of the circular.
    private static final String Q7_TEXT = """
            This Question has developed a set of Recommendations on authentication/authorization and security \
            architectures for message of network services, specified guidelines on secure password-based \
            authentication with key exchange and various Trusted Third Party (TTP) services, and specified a \
            comprehensive framework and mechanisms for the security of P2P services. A continued effort to \
            maintain and enhance these security Recommendations to satisfy the needs of emerging technologies \
            and services is required.""";
    private static final String Q10_TEXT = """
            Identity management (IdM) handles the creation, maintenance, use, and deletion of credentials, \
            identifiers, and attributes. It is essential for establishing trust among users, organizations, \
            devices, and services. A single entity may hold multiple identities, each with different security \
            requirements. IdM approaches may be centralized, decentralized, or hybrid, depending on the system.""";
    private static final String Q16_TEXT = """
            Artificial Intelligence (AI) and Machine Learning (ML) are rapidly transforming telecommunication \
            and ICT systems, bringing unprecedented efficiency and capability. However, this integration creates \
            complex and evolving security challenges, impacting system integrity, data confidentiality, \
            operational continuity, and public trust. Misuse, unintended behaviour, and systemic vulnerabilities \
            demand urgent attention.""";

    private final ConsultationService consultations;
    private final Clock clock;

    public DemoConsultation(ConsultationService consultations, Clock clock) {
        this.consultations = consultations;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (consultations.all().stream().anyMatch(c -> CIRCULAR_NUMBER.equals(c.circularNumber()))) {
            log.info("Demo: TSB Circular {} is already loaded", CIRCULAR_NUMBER);
            return;
        }
        Consultation adopted = consultations.adopt(circular101(), LOADED_BY);
        LocalDate deadlineDate = Consultation.proposedDeadlineDate(LocalDate.now(clock));
        Consultation open = consultations.open(adopted.id(), CIRCULAR_NUMBER,
                UtcTime.endOfDeadlineDay(deadlineDate), LOADED_BY);
        log.info("Demo: loaded TSB Circular {} as consultation {}, deadline {}", CIRCULAR_NUMBER, open.id(), open.deadline());
    }

    static NewConsultation circular101() {
        return new NewConsultation(
                "Member State consultation on approval of new and revised Questions of ITU-T Study Group 17 adopted by the "
                        + "Telecommunication Standardization Advisory Group (TSAG) (Geneva, 26-30 January 2026)",
                "SG17", "TSAG", "Geneva, 26-30 January 2026",
                List.of(new Question("Q7/17", "Secure application services", QuestionKind.REVISED, Q7_TEXT),
                        new Question("Q10/17", "Management of digital identity, security and services", QuestionKind.REVISED, Q10_TEXT),
                        new Question("Q16/17", "AI security", QuestionKind.NEW, Q16_TEXT)));
    }
}
