package org.greencredit.service.rating;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.datasets.io.MonthlySheet;
import org.greencredit.service.demo.DemoDataLoader;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Tag(name = "Ratings")
public class TemplateController {
    private final byte[] sheet;
    private final byte[] flat;

    public TemplateController(JsonMapper json) {
        RatingRequest example = DemoDataLoader.exampleRequest(json);
        this.sheet = MonthlySheet.template(example);
        this.flat = RequestTemplate.csv(example);
    }

    @GetMapping(path = "/api/v1/templates/rating-request.csv", produces = "text/csv")
    @Operation(summary = "The spreadsheet firms fill in: Chinese headers, one row per month (energy use, business flows), the firm's facts on"
            + " the first row, UTF-8 with a byte-order mark for Excel; filled with the example firm, to change and upload")
    public ResponseEntity<byte[]> ratingRequest() {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rating-request.csv\"").body(sheet);
    }

    @GetMapping(path = "/api/v1/templates/rating-request-flat.csv", produces = "text/csv")
    @Operation(summary = "The whole rating request as one CSV row, one column per API field (lists as JSON in their cell), as the CLI"
            + " reads and writes it: for integrators")
    public ResponseEntity<byte[]> flatRatingRequest() {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rating-request-flat.csv\"").body(flat);
    }
}
