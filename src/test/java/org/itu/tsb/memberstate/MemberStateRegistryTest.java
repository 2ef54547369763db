package org.itu.tsb.memberstate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

/** Pins down how the Member State registry reads its data file, looks states up and refuses a file that is not a valid registry. */
class MemberStateRegistryTest {

    private static final String HEADER = "code,name,language,emails\n";

    private static MemberStateRegistry registry(String csv) {
        return new MemberStateRegistry(new ByteArrayResource(csv.getBytes(UTF_8), "test registry"));
    }

    private static MemberStateRegistry real() {
        return new MemberStateRegistry(new ClassPathResource("memberstate/member-states.csv"));
    }

    @Test
    void theRealRegistryHas194MemberStates() {
        MemberStateRegistry registry = real();

        assertThat(registry.size()).isEqualTo(194);
        assertThat(registry.all()).hasSize(194);
        assertThat(registry.byName()).hasSize(194);
    }

    @Test
    void theRealRegistryContainsSwitzerlandFranceGhanaAndTheVatican() {
        MemberStateRegistry registry = real();

        assertThat(List.of("CHE", "FRA", "GHA", "VAT")).allMatch(registry::contains);
    }

    @Test
    void everyRealCodeIsThreeUpperCaseLettersAndEveryLanguageIsEnglishFrenchOrSpanish() {
        assertThat(real().all()).allSatisfy(state -> {
            assertThat(state.code()).matches("[A-Z]{3}");
            assertThat(state.language()).isIn("en", "fr", "es");
            assertThat(state.name()).isNotBlank();
        });
    }

    @Test
    void aStateWithSeveralAddressesHasEachOfThem() {
        assertThat(real().find("CHE").orElseThrow().emails()).containsExactly("administration@che.example", "registry@che.example");
    }

    @Test
    void findIgnoresCase() {
        assertThat(real().find("che")).hasValueSatisfying(state -> {
            assertThat(state.code()).isEqualTo("CHE");
            assertThat(state.name()).isEqualTo("Switzerland");
        });
    }

    @Test
    void findingNoCodeOrAnUnknownCodeFindsNothing() {
        MemberStateRegistry registry = real();

        assertThat(registry.find(null)).isEmpty();
        assertThat(registry.find("XYZ")).isEmpty();
        assertThat(registry.contains("XYZ")).isFalse();
    }

    @Test
    void nameOfAKnownCodeIsItsName() {
        assertThat(real().nameOf("FRA")).isEqualTo("France");
    }

    @Test
    void nameOfAnUnknownCodeIsTheCodeItself() {
        assertThat(real().nameOf("XYZ")).isEqualTo("XYZ");
    }

    @Test
    void byNameSortsCoteDIvoireAmongTheCs() {
        List<String> names = real().byName().stream().map(MemberState::name).toList();

        assertThat(names.indexOf("Côte d'Ivoire"))
                .isGreaterThan(names.indexOf("Costa Rica"))
                .isLessThan(names.indexOf("Croatia"));
        assertThat(names.indexOf("Türkiye")).isLessThan(names.indexOf("Turkmenistan"));
    }

    @Test
    void byNameIsInEnglishCollationOrder() {
        List<String> names = real().byName().stream().map(MemberState::name).toList();

        assertThat(names).isSortedAccordingTo(MemberStateRegistry.NAME_ORDER);
    }

    @Test
    void aBlankLanguageBecomesEnglish() {
        MemberStateRegistry registry = registry(HEADER + "FRA,France,fr,a@fra.example\nGHA,Ghana, ,a@gha.example\nKEN,Kenya,,\n");

        assertThat(registry.find("GHA").orElseThrow().language()).isEqualTo("en");
        assertThat(registry.find("KEN").orElseThrow().language()).isEqualTo("en");
        assertThat(registry.find("FRA").orElseThrow().language()).isEqualTo("fr");
    }

    @Test
    void codesAndLanguagesAreNormalisedAndValuesTrimmed() {
        MemberStateRegistry registry = registry(HEADER + " fra , France , FR , a@fra.example ; b@fra.example ;\n");

        assertThat(registry.find("FRA")).hasValue(new MemberState("FRA", "France", "fr", List.of("a@fra.example", "b@fra.example")));
    }

    @Test
    void aBlankLineAtTheEndIsNotARow() {
        assertThat(registry(HEADER + "FRA,France,fr,\nGHA,Ghana,en,\n\n").size()).isEqualTo(2);
    }

    @Test
    void aCodeThatIsNotThreeLettersIsRefusedWithItsLine() {
        assertThatThrownBy(() -> registry(HEADER + "FRA,France,fr,\nGH,Ghana,en,\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test registry")
                .hasMessageContaining("line 3")
                .hasMessageContaining("'GH' is not an ISO 3166-1 alpha-3 code");
    }

    @Test
    void aCodeWithADigitIsRefused() {
        assertThatThrownBy(() -> registry(HEADER + "GH1,Ghana,en,\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("'GH1' is not an ISO 3166-1 alpha-3 code");
    }

    @Test
    void aDuplicateCodeIsRefusedWithTheLineOfTheSecond() {
        assertThatThrownBy(() -> registry(HEADER + "FRA,France,fr,\nGHA,Ghana,en,\nfra,France again,fr,\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line 4")
                .hasMessageContaining("FRA appears twice");
    }

    @Test
    void aRowWithoutNameIsRefused() {
        assertThatThrownBy(() -> registry(HEADER + "FRA,  ,fr,\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("FRA has no name");
    }

    @Test
    void aLanguageThatIsNotATwoLetterCodeIsRefused() {
        assertThatThrownBy(() -> registry(HEADER + "GHA,Ghana,english,\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("'english' is not a language code");
    }

    @Test
    void aFileWithOnlyTheHeaderIsRefusedAsEmpty() {
        assertThatThrownBy(() -> registry(HEADER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test registry")
                .hasMessageEndingWith(" is empty");
    }

    @Test
    void aFileWithOtherColumnsIsRefusedAsNotARegistry() {
        assertThatThrownBy(() -> registry("iso,country\nFRA,France\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test registry")
                .hasMessageContaining("is not a CSV file with the columns code, name, language, emails");
    }

    @Test
    void aFileWithoutTheCodeColumnIsRefused() {
        assertThatThrownBy(() -> registry("name,language,emails\nFrance,fr,a@fra.example\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("is not an ISO 3166-1 alpha-3 code");
    }

    @Test
    void aFileThatIsNotCsvIsRefused() {
        assertThatThrownBy(() -> registry("""
                {"states": [
                  {"code": "FRA", "name": "France"}
                ]}
                """))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test registry")
                .hasMessageContaining("is not a CSV file");
    }
}
