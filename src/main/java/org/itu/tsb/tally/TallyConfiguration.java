package org.itu.tsb.tally;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TallyConfiguration {

    /** The rule of the procedure; its threshold is a parameter ({@code consultation.approval-threshold-percent}). */
    @Bean
    ApprovalRule approvalRule(@Value("${consultation.approval-threshold-percent}") int thresholdPercent) {
        return new SupportThresholdRule(thresholdPercent);
    }
}
