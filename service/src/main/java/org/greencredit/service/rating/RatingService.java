package org.greencredit.service.rating;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.engine.RatingEngine;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Rates a request and keeps the rating with its input; an invalid request is rejected before anything is stored. */
@Service
public class RatingService {
    private final RatingEngine engine;
    private final RatingRepository repository;
    private final RatingMapper mapper;
    private final JsonMapper json;

    public RatingService(RatingEngine engine, RatingRepository repository, RatingMapper mapper, JsonMapper json) {
        this.engine = engine;
        this.repository = repository;
        this.mapper = mapper;
        this.json = json;
    }

    @Transactional
    public Rating rate(RatingRequest request) {
        Rating rating = engine.rate(request);
        String requestJson = json.writeValueAsString(request);
        repository.insert(mapper.toStored(rating, sha256(requestJson), requestJson, json.writeValueAsString(rating)));
        return rating;
    }

    public Rating find(String id) {
        return repository.findRatingJson(id).map(this::parse).orElseThrow(() -> new RatingNotFoundException(id));
    }

    public List<RatingSummary> history(String smeId, int limit) {
        return repository.findRatingJsonBySme(smeId, limit).stream().map(this::parse).map(mapper::toSummary).toList();
    }

    private Rating parse(String ratingJson) {
        return json.readValue(ratingJson, Rating.class);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
