/** Officer review: the referral queue, overrides with reasons and the four-eyes approval. */
package org.greencredit.service.review;
