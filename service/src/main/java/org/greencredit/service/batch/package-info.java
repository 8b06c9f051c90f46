/** The batch endpoint: streams of requests rated row by row, results streamed back in the same format. */
package org.greencredit.service.batch;
