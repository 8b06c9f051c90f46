package org.greencredit.service.rating;

import org.greencredit.core.rating.Rating;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.ReportingPolicy;

/** Maps the domain rating to the shapes the API and the database need. */
@Mapper(componentModel = MappingConstants.ComponentModel.SPRING, unmappedTargetPolicy = ReportingPolicy.ERROR)
public interface RatingMapper {

    @Mapping(target = "greenScore", source = "green.score")
    @Mapping(target = "greenGrade", source = "green.grade")
    @Mapping(target = "colour", source = "green.colour")
    @Mapping(target = "carbonEfficiencyLevel", source = "green.carbonEfficiencyLevel")
    @Mapping(target = "pd", source = "credit.pd")
    @Mapping(target = "creditGrade", source = "credit.grade")
    @Mapping(target = "outcome", source = "decision.outcome")
    @Mapping(target = "limitCny", source = "decision.limitCny")
    @Mapping(target = "rateDiscountBp", source = "decision.rateDiscountBp")
    @Mapping(target = "referralReasons", source = "decision.referralReasons")
    RatingSummary toSummary(Rating rating);

    @Mapping(target = "summary", source = "rating")
    @Mapping(target = "rulesetVersion", source = "rating.explanation.versions.ruleset")
    @Mapping(target = "modelsVersion", source = "rating.explanation.versions.models")
    @Mapping(target = "factorsVersion", source = "rating.explanation.versions.factors")
    @Mapping(target = "creditModel", source = "rating.credit.modelVersion")
    @Mapping(target = "challenger", source = "rating.credit.challenger")
    StoredRating toStored(Rating rating, String inputHash, String requestJson, String ratingJson, String fairnessGroups);
}
