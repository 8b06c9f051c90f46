package org.greencredit.service.rating;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.greencredit.engine.EngineInfo;
import org.greencredit.engine.RatingEngine;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Names in Chinese and English for the codes a rating uses, so that pages can show words instead of codes. */
@RestController
@Tag(name = "Ratings")
public class VocabularyController {
    private final RatingEngine engine;

    public VocabularyController(RatingEngine engine) {
        this.engine = engine;
    }

    @GetMapping(path = "/api/v1/vocabulary", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Names in Chinese and English of credit features and crops (public)")
    public EngineInfo.Vocabulary vocabulary() {
        return engine.info().vocabulary();
    }
}
