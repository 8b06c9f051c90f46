package org.greencredit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.greencredit.engine.EngineInfo.Name;
import org.junit.jupiter.api.Test;

/** The names pages show instead of codes, as the shipped reference tables and reasons.csv write them. */
class VocabularyTest {
    private static final EngineInfo.Vocabulary VOCABULARY = TestFirms.ENGINE.info().vocabulary();

    @Test
    void provincesAreNamedByTheirTwoDigitGbt2260Code() {
        assertThat(VOCABULARY.provinces().get("33")).isEqualTo(new Name("浙江", "Zhejiang"));
        assertThat(VOCABULARY.provinces().get("11")).isEqualTo(new Name("北京", "Beijing"));
    }

    @Test
    void industriesAreNamedBySectionLetterAndDivision() {
        assertThat(VOCABULARY.industries().get("C13")).isEqualTo(new Name("农副食品加工业", "Processing of food from agricultural products"));
        assertThat(VOCABULARY.industries().get("A01")).isEqualTo(new Name("农业", "Agriculture"));
    }

    @Test
    void spendCategoriesAreNamed() {
        assertThat(VOCABULARY.spendCategories().get("PACKAGING")).isEqualTo(new Name("包装材料", "Packaging"));
    }

    /** A new or reworded rule source fails here until rule_sources.csv words it in Chinese too. */
    @Test
    void everyShippedRulesSourceIsWordedInChinese() {
        assertThat(TestFirms.ENGINE.info().rules()).isNotEmpty().allSatisfy(rule -> assertThat(VOCABULARY.ruleSources())
                .as("the source of rule %s", rule.id()).containsKey(rule.source()));
        assertThat(VOCABULARY.ruleSources().get("Quzhou carbon account 三维四色 colours (DB3308/T 095-2021)"))
                .isEqualTo(new Name("衢州碳账户“三维四色”定色（DB3308/T 095-2021）", "Quzhou carbon account 三维四色 colours (DB3308/T 095-2021)"));
    }

    @Test
    void everyReferralReasonIsNamed() {
        assertThat(VOCABULARY.reasons().get("PD_REVIEW_BAND"))
                .isEqualTo(new Name("违约概率处于需人工审核的区间", "The estimated probability of default needs an officer's review"));
        assertThat(VOCABULARY.reasons()).containsKeys("THIN_FILE", "CROP_MISMATCH", "CARBON_DATA_ANOMALY", "DEBT_ABOVE_CAPACITY");
    }
}
