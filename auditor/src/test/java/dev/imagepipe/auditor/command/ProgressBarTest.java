package dev.imagepipe.auditor.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private final StringWriter err = new StringWriter();

    @Test
    void drawsABarThatFillsAsRecordsAreRead() {
        ProgressBar bar = new ProgressBar(new PrintWriter(err), true);

        bar.update(50, 200);
        bar.update(50, 200);
        bar.update(200, 200);
        bar.clear();

        assertThat(err.toString())
                .containsOnlyOnce("replaying [#######.......................] 50/200 records")
                .contains("replaying [##############################] 200/200 records")
                .endsWith("\r\033[K");
    }

    @Test
    void drawsNothingWhenDisabled() {
        ProgressBar bar = new ProgressBar(new PrintWriter(err), false);

        bar.update(1, 2);
        bar.clear();

        assertThat(err.toString()).isEmpty();
    }
}
