/**
 * The {@code RatingRequest} of the API contract (DESIGN.md) as immutable records with
 * their Bean Validation constraints. Units are part of the field names.
 */
package org.greencredit.core.request;
