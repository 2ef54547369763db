package org.itu.tsb.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.itu.tsb.kernel.ConsultationProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the top-level {@code processes/} and {@code forms/} together at every start, so a process analyst's
 * change is picked up by a restart without a rebuild. One deployment, so a {@code formRef} with binding
 * {@code deployment} finds its form; duplicate filtering on (an unchanged set creates no new version) but not
 * "changed only", which would leave the forms out of a deployment that changes only the model.
 * Outside the source tree (e.g. {@code java -jar} elsewhere) the copies packaged in the jar are deployed.
 */
@Component
@Order(0)
public class ModelDeployer implements ApplicationRunner {

    public static final String DEPLOYMENT_NAME = "consultation-workflow";
    private static final List<String> PATTERNS = List.of("processes/*.bpmn", "forms/*.form");
    private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

    private final RepositoryService repository;
    private final ResourcePatternResolver resources;
    private final String root;

    public ModelDeployer(RepositoryService repository, ResourcePatternResolver resources, ConsultationProperties properties) {
        this.repository = repository;
        this.resources = resources;
        String root = properties.models().root();
        this.root = root.endsWith("/") ? root : root + "/";
    }

    @Override
    public void run(ApplicationArguments args) {
        deploy();
    }

    public Deployment deploy() {
        List<Resource> models = find(root);
        if (models.stream().noneMatch(r -> r.getFilename().endsWith(".bpmn"))) {
            log.info("No models under {}: deploying the copies packaged with the application", root);
            models = find("classpath:");
        }
        DeploymentBuilder deployment = repository.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("consultation-workflow")
                .enableDuplicateFiltering(false);
        for (Resource model : models) {
            try (InputStream in = model.getInputStream()) {
                deployment.addInputStream(model.getFilename(), in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read model " + model, e);
            }
        }
        Deployment deployed = deployment.deployWithResult();
        log.info("Deployed {} from {} as deployment {}", models.stream().map(Resource::getFilename).toList(), root, deployed.getId());
        return deployed;
    }

    private List<Resource> find(String base) {
        List<Resource> found = new ArrayList<>();
        for (String pattern : PATTERNS) {
            try {
                found.addAll(Arrays.stream(resources.getResources(base + pattern)).filter(Resource::exists).toList());
            } catch (IOException e) {
                log.debug("nothing at {}{}: {}", base, pattern, e.getMessage());
            }
        }
        return found;
    }
}
