package io.github.gocbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void plainPadsColumnsAndRightAlignsNumbers() {
        String text = new TextTable("strategy", "calls/s").right(1)
                .row("naive", 12345)
                .row("transactional", 7)
                .plain();
        assertThat(text).isEqualTo(""
                + "strategy       calls/s\n"
                + "-------------  -------\n"
                + "naive            12345\n"
                + "transactional        7\n");
    }

    @Test
    void markdownEscapesPipesAndMarksAlignment() {
        String md = new TextTable("a", "n").right(1).row("x|y", 1).markdown();
        assertThat(md).isEqualTo(""
                + "| a    |   n |\n"
                + "| ---- | --: |\n"
                + "| x\\|y |   1 |\n");
    }
}
