package org.itu.tsb.process;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link StartupLock} is taken before the two things that change the schema at start: Flyway and the engine. */
@Configuration(proxyBeanMethods = false)
class StartupLockConfiguration {

    static final String BEAN = "startupLock";

    @Bean(BEAN)
    StartupLock startupLock(DataSource dataSource) throws SQLException {
        return new StartupLock(dataSource);
    }

    @Bean
    static AbstractDependsOnBeanFactoryPostProcessor engineAfterStartupLock() {
        return new AbstractDependsOnBeanFactoryPostProcessor(ProcessEngine.class, ProcessEngineFactoryBean.class, BEAN) {};
    }

    @Bean
    static AbstractDependsOnBeanFactoryPostProcessor flywayAfterStartupLock() {
        return new AbstractDependsOnBeanFactoryPostProcessor(FlywayMigrationInitializer.class, BEAN) {};
    }
}
