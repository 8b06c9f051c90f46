/** The {@code Rating} of the API contract (DESIGN.md) and its explanation types. */
package org.greencredit.core.rating;
