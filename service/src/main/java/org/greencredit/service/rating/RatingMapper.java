package org.greencredit.service.rating;

import org.greencredit.core.rating.Rating;
import org.greencredit.core.request.RatingRequest;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.ReportingPolicy;

/** Maps the domain rating to the shapes the API and the database need. */
@Mapper(componentModel = MappingConstants.ComponentModel.SPRING, unmappedTargetPolicy = ReportingPolicy.ERROR)
public interface RatingMapper {

    @Mapping(target = "greenScore", source = "rating.green.score")
    @Mapping(target = "greenGrade", source = "rating.green.grade")
    @Mapping(target = "colour", source = "rating.green.colour")
    @Mapping(target = "carbonEfficiencyLevel", source = "rating.green.carbonEfficiencyLevel")
    @Mapping(target = "pd", source = "rating.credit.pd")
    @Mapping(target = "creditGrade", source = "rating.credit.grade")
    @Mapping(target = "outcome", source = "rating.decision.outcome")
    @Mapping(target = "limitCny", source = "rating.decision.limitCny")
    @Mapping(target = "rateDiscountBp", source = "rating.decision.rateDiscountBp")
    @Mapping(target = "referralReasons", source = "rating.decision.referralReasons")
    @Mapping(target = "smeName", source = "request.sme.name")
    @Mapping(target = "requestedCny", source = "request.loanRequest.amountCny")
    @Mapping(target = "pendingOverride", constant = "false")
    RatingSummary toSummary(Rating rating, RatingRequest request);

    @Mapping(target = "summary", expression = "java(toSummary(rating, request))")
    @Mapping(target = "rulesetVersion", source = "rating.explanation.versions.ruleset")
    @Mapping(target = "modelsVersion", source = "rating.explanation.versions.models")
    @Mapping(target = "factorsVersion", source = "rating.explanation.versions.factors")
    @Mapping(target = "creditModel", source = "rating.credit.modelVersion")
    @Mapping(target = "challenger", source = "rating.credit.challenger")
    StoredRating toStored(Rating rating, RatingRequest request, String inputHash, byte[] requestJson, byte[] ratingJson, String fairnessGroups);
}
