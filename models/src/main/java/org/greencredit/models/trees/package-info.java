/** XGBoost trees walked in Java, for one row at a time without a native call; tests hold them to xgboost4j's answers. */
package org.greencredit.models.trees;
