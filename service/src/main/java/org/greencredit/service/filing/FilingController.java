package org.greencredit.service.filing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/algorithm-filing")
@Tag(name = "Algorithm filing", description = "算法备案: principles, data sources, decision logic, model cards, risks, how to appeal (public)")
public class FilingController {
    public static final String MARKDOWN = "text/markdown";

    private final AlgorithmFiling filing;
    private final JsonMapper json;

    public FilingController(AlgorithmFiling filing, JsonMapper json) {
        this.filing = filing;
        this.json = json;
    }

    /** Written as text: the document's shape follows the model cards, which no fixed schema describes. */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The filing as JSON, generated from the live rules and models")
    public String json() {
        return json.writeValueAsString(filing.current());
    }

    @GetMapping(produces = MARKDOWN + ";charset=UTF-8")
    @Operation(summary = "The filing as Markdown (send Accept: text/markdown)")
    public String markdown() {
        return FilingMarkdown.render(filing.current());
    }
}
