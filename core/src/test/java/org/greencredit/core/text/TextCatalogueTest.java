package org.greencredit.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextCatalogueTest {
    @Test
    void aTextIsReadWithItsPlaceholdersFilledInBothLanguages() {
        TextCatalogue texts = TextCatalogue.parse("t.tsv", "key\tzh\ten\n# comment\nplot.short\t地块{plot}观测不足\tPlot {plot} has too few readings\n");
        BilingualText text = texts.get("plot.short").with("plot", "P-7");
        assertThat(text.zh()).isEqualTo("地块P-7观测不足");
        assertThat(text.en()).isEqualTo("Plot P-7 has too few readings");
    }

    @Test
    void aNumberIsWrittenAsJavaWritesIt() {
        BilingualText text = new BilingualText("降至{target}千克", "to {target} kg").with("target", 12.5);
        assertThat(text.en()).isEqualTo("to 12.5 kg");
    }

    @Test
    void eachLanguageMayGetItsOwnValue() {
        BilingualText text = new BilingualText("无法计算{feature}", "{feature} could not be computed").with("feature", "杠杆率", "Leverage");
        assertThat(text).isEqualTo(new BilingualText("无法计算杠杆率", "Leverage could not be computed"));
    }

    @Test
    void anUnknownKeyNamesTheFile() {
        TextCatalogue texts = TextCatalogue.parse("t.tsv", "key\tzh\ten\na\t甲\tA\n");
        assertThatThrownBy(() -> texts.get("b")).hasMessage("t.tsv has no text 'b'");
    }

    @Test
    void aPlaceholderTheTextLacksIsAnError() {
        assertThatThrownBy(() -> new BilingualText("甲", "A").with("plot", "P"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{plot}");
    }

    @Test
    void aLineWithAMissingLanguageNamesItsLine() {
        assertThatThrownBy(() -> TextCatalogue.parse("t.tsv", "key\tzh\ten\na\t甲\t\n"))
                .hasMessageContaining("t.tsv: line 2");
    }

    @Test
    void aRepeatedKeyIsRefused() {
        assertThatThrownBy(() -> TextCatalogue.parse("t.tsv", "key\tzh\ten\na\t甲\tA\na\t乙\tB\n"))
                .hasMessageContaining("line 3: key 'a' appears twice");
    }

    @Test
    void aFileWithoutTheHeaderIsRefused() {
        assertThatThrownBy(() -> TextCatalogue.parse("t.tsv", "a\t甲\tA\n")).hasMessageContaining("line 1 must be the header");
    }
}
