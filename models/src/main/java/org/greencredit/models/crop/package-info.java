/** Farm plots: geodesic area, NDVI-based stage and yield, value and lending value, declaration cross-checks. */
package org.greencredit.models.crop;
