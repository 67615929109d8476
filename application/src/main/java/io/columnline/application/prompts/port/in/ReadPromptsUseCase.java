package io.columnline.application.prompts.port.in;

import io.columnline.application.prompts.port.out.PromptUsage.Usage;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.access.Caller;
import io.columnline.domain.prompt.Prompt;
import io.columnline.domain.prompt.PromptKey;
import io.columnline.domain.prompt.PromptLabel;
import io.columnline.domain.prompt.PromptSelector;
import io.columnline.domain.prompt.PromptVersion;
import java.util.List;
import java.util.Map;

/** Reads prompts (any key): a chosen version, the list, the history, and rendering. */
public interface ReadPromptsUseCase {
    Selected get(Caller caller, PromptKey key, PromptSelector selector);

    Page<Prompt> list(Caller caller, PageRequest page);

    /** Newest first, each with its labels and how many logged steps used it at what cost. */
    Page<VersionEntry> versions(Caller caller, PromptKey key, PageRequest page);

    /** Fills the chosen version's template; a variable without a value is refused, every one named. */
    Rendered render(Caller caller, PromptKey key, PromptSelector selector, Map<String, String> variables);

    record Selected(Prompt prompt, PromptVersion version) {
        public List<PromptLabel> labels() {
            return prompt.labelsOf(version.version());
        }
    }

    record VersionEntry(PromptVersion version, List<PromptLabel> labels, Usage usage) {}

    record Rendered(PromptVersion version, String text) {}
}
