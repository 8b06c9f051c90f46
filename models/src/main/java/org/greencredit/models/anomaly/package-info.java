/** Detection of unusual carbon-account patterns with a Tribuo one-class SVM. */
package org.greencredit.models.anomaly;
