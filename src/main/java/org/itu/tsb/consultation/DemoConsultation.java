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
 * open consultation whose two-month deadline lies in the future. Loaded once: a restart does not load it again.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "consultation.demo", havingValue = "true")
public class DemoConsultation implements ApplicationRunner {

    static final String CIRCULAR_NUMBER = "101";
    /** Who the audit trail says recorded the demo. */
    static final String LOADED_BY = "demo-loader";
    private static final Logger log = LoggerFactory.getLogger(DemoConsultation.class);

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
        LocalDate deadlineDate = LocalDate.now(clock).plusMonths(2);
        Consultation open = consultations.open(adopted.id(), CIRCULAR_NUMBER,
                UtcTime.endOfDeadlineDay(deadlineDate), LOADED_BY);
        log.info("Demo: loaded TSB Circular {} as consultation {}, deadline {}", CIRCULAR_NUMBER, open.id(), open.deadline());
    }

    static NewConsultation circular101() {
        return new NewConsultation(
                "Member State consultation on approval of new and revised Questions of ITU-T Study Group 17 adopted by the "
                        + "Telecommunication Standardization Advisory Group (TSAG) (Geneva, 26-30 January 2026)",
                "SG17", "TSAG", "Geneva, 26-30 January 2026",
                List.of(new Question("Q7/17", "Secure application services", QuestionKind.REVISED),
                        new Question("Q10/17", "Management of digital identity, security and services", QuestionKind.REVISED),
                        new Question("Q16/17", "AI security", QuestionKind.NEW)));
    }
}
