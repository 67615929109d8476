package io.columnline.application.memory;

import io.columnline.application.port.out.PromptUsage;
import io.columnline.domain.prompt.PromptKey;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/** Usage as the step log would report it; tests record the steps they pretend were logged. */
public final class InMemoryPromptUsage implements PromptUsage {
  private final Map<PromptKey, Map<Integer, Usage>> usage = new HashMap<>();

  public synchronized void recordStep(PromptKey key, int version, BigDecimal costUsd) {
    usage.computeIfAbsent(key, k -> new HashMap<>())
        .merge(version, new Usage(1, costUsd), (a, b) -> new Usage(a.steps() + 1, a.totalCostUsd().add(b.totalCostUsd())));
  }

  @Override
  public synchronized Map<Integer, Usage> byVersion(PromptKey key) {
    return Map.copyOf(usage.getOrDefault(key, Map.of()));
  }
}
