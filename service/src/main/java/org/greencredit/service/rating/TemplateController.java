package org.greencredit.service.rating;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.greencredit.service.demo.DemoDataLoader;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Tag(name = "Ratings")
public class TemplateController {
    private final byte[] template;

    public TemplateController(JsonMapper json) {
        this.template = RequestTemplate.csv(DemoDataLoader.exampleRequest(json));
    }

    @GetMapping(path = "/api/v1/templates/rating-request.csv", produces = "text/csv")
    @Operation(summary = "A CSV template of a rating request (header and the example firm's row), to fill in and upload")
    public ResponseEntity<byte[]> ratingRequest() {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rating-request.csv\"").body(template);
    }
}
