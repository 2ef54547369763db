package org.itu.tsb.process;

import org.itu.tsb.ApplicationTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.itu.tsb.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** What a process analyst can break in Modeler without touching Java, caught before deployment. */
@ApplicationTest
class ProcessModelTest {

    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

    @Autowired ApplicationContext context;
    @Autowired RepositoryService repository;
    @Autowired ModelDeployer deployer;

    @Test
    void everyDelegateExpressionNamesAnExistingBean() {
        List<String> expressions = new ArrayList<>();
        for (BpmnModelInstance model : models()) {
            collectDelegateExpressions(model.getDocument().getRootElement(), expressions);
        }
        assertThat(expressions).isNotEmpty();
        for (String expression : expressions) {
            assertThat(expression).as("delegate expression").matches("\\$\\{[A-Za-z][A-Za-z0-9]*}");
            String bean = expression.substring(2, expression.length() - 1);
            assertThat(context.containsBean(bean)).as("bean '%s' named by %s", bean, expression).isTrue();
        }
    }

    @Test
    void everyFormRefNamesAFormInForms() throws IOException {
        Set<String> formIds = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        for (File form : files("forms", ".form")) {
            formIds.add(json.readTree(form).get("id").asText());
        }
        for (BpmnModelInstance model : models()) {
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                assertThat(task.getCamundaFormRef()).as("formRef of %s", task.getId()).isIn(formIds);
                assertThat(task.getCamundaFormRefBinding()).as("binding of %s", task.getId()).isEqualTo("deployment");
            }
        }
    }

    @Test
    void everyUserTaskHasACandidateGroup() {
        for (BpmnModelInstance model : models()) {
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                assertThat(task.getCamundaCandidateGroups()).as("candidate group of %s", task.getId()).isNotBlank();
            }
        }
    }

    @Test
    void everyProcessIsNamedAfterItsFileAndKeepsItsHistoryForATime() {
        for (File file : files("processes", ".bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file);
            Bpmn.validateModel(model);
            for (Process process : model.getModelElementsByType(Process.class)) {
                assertThat(file.getName()).isEqualTo(process.getId() + ".bpmn");
                assertThat(process.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of %s", process.getId()).isNotBlank();
            }
        }
    }

    @Test
    void asyncStepsRetryByAnExtensionElementNotTheIgnoredAttribute() {
        for (BpmnModelInstance model : models()) {
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                assertThat(node.getDomElement().hasAttribute(CAMUNDA_NS, "failedJobRetryTimeCycle"))
                        .as("retry attribute on %s is ignored by the engine", node.getId()).isFalse();
                if (node.isCamundaAsyncBefore()) {
                    CamundaFailedJobRetryTimeCycle cycle = node.getExtensionElements() == null ? null
                            : node.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class)
                            .list().stream().findFirst().orElse(null);
                    assertThat(cycle).as("retry cycle of %s", node.getId()).isNotNull();
                    assertThat(cycle.getTextContent()).matches("R\\d+/PT\\d+[SMH]");
                }
            }
        }
    }

    @Test
    void everyElementIsDrawnSoTheModelOpensCleanlyInModeler() {
        for (BpmnModelInstance model : models()) {
            Set<String> shapes = new HashSet<>();
            model.getModelElementsByType(BpmnShape.class).forEach(s -> shapes.add(s.getBpmnElement().getId()));
            Set<String> edges = new HashSet<>();
            model.getModelElementsByType(BpmnEdge.class).forEach(e -> edges.add(e.getBpmnElement().getId()));
            model.getModelElementsByType(FlowNode.class).forEach(n -> assertThat(shapes).as("shape of %s", n.getId()).contains(n.getId()));
            model.getModelElementsByType(SequenceFlow.class).forEach(f -> assertThat(edges).as("edge of %s", f.getId()).contains(f.getId()));
        }
    }

    @Test
    void anUnchangedModelSetCreatesNoNewVersionAndTheFormTravelsWithTheModel() {
        ProcessDefinition before = latest();

        deployer.deploy();

        ProcessDefinition after = latest();
        assertThat(after.getId()).isEqualTo(before.getId());
        assertThat(repository.getDeploymentResourceNames(after.getDeploymentId()))
                .contains("question-approval-consultation.bpmn", "issue-circular.form");
    }

    private ProcessDefinition latest() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(ProcessVariables.PROCESS_KEY).latestVersion().singleResult();
    }

    private static void collectDelegateExpressions(DomElement element, List<String> into) {
        if (element.hasAttribute(CAMUNDA_NS, "delegateExpression")) {
            into.add(element.getAttribute(CAMUNDA_NS, "delegateExpression"));
        }
        element.getChildElements().forEach(child -> collectDelegateExpressions(child, into));
    }

    private static List<BpmnModelInstance> models() {
        return files("processes", ".bpmn").stream().map(Bpmn::readModelFromFile).toList();
    }

    private static List<File> files(String dir, String suffix) {
        File[] found = new File(dir).listFiles((d, name) -> name.endsWith(suffix));
        assertThat(found).as("files %s/*%s", dir, suffix).isNotEmpty();
        return Stream.of(found).sorted().toList();
    }
}
