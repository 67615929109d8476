package io.columnline.adapters.postgres.prompts;

import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.adapters.postgres.shared.Rows;
import io.columnline.application.prompts.port.out.PromptUsage;
import io.columnline.domain.prompt.PromptKey;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;

/** A GROUP BY over the steps that name the prompt, served by the steps_prompt_usage index. */
final class JdbiPromptUsage implements PromptUsage {
    private final JdbiSession session;

    @Inject
    JdbiPromptUsage(JdbiSession session) {
        this.session = session;
    }

    @Override
    public Map<Integer, Usage> byVersion(PromptKey key) {
        return session.withHandle(h -> h.createQuery(
                        "SELECT prompt_version, count(*) AS steps, coalesce(sum(cost_usd), 0) AS cost FROM steps"
                                + " WHERE prompt_key = :key AND prompt_version IS NOT NULL GROUP BY prompt_version")
                .bind("key", key.value())
                .reduceResultSet(new TreeMap<Integer, Usage>(), (usage, rs, ctx) -> {
                    usage.put(
                            rs.getInt("prompt_version"),
                            new Usage(rs.getLong("steps"), Rows.amount(rs.getBigDecimal("cost"))));
                    return usage;
                }));
    }
}
