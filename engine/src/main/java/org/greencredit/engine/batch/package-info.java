/** Batch rating over any record format, order-preserving, with every rejected row reported. */
package org.greencredit.engine.batch;
