package org.itu.tsb;

import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ConsultationApplication {

    public static void main(String[] args) {
        // named (unless the operator named another), Jakarta Mail's stream provider is not looked up through the whole
        // classpath for every part of every notice
        if (System.getProperty(StreamProvider.class.getName()) == null) {
            System.setProperty(StreamProvider.class.getName(), MailStreamProvider.class.getName());
        }
        SpringApplication.run(ConsultationApplication.class, args);
    }
}
