package org.itu.tsb.tally;

import org.itu.tsb.kernel.ConsultationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TallyConfiguration {

    /** The rule of the procedure; its threshold is a parameter ({@code consultation.approval-threshold-percent}). */
    @Bean
    ApprovalRule approvalRule(ConsultationProperties properties) {
        return new SupportThresholdRule(properties.approvalThresholdPercent());
    }
}
