package io.columnline.application.prompts.port.out;

import io.columnline.domain.prompt.PromptKey;
import java.math.BigDecimal;
import java.util.Map;

/**
 * How much logged steps used each version of a prompt, read from the step log.
 */
public interface PromptUsage {
    /** Usage per version number; versions no step named are absent. */
    Map<Integer, Usage> byVersion(PromptKey key);

    record Usage(long steps, BigDecimal totalCostUsd) {
        public static final Usage NONE = new Usage(0, BigDecimal.ZERO);
    }
}
