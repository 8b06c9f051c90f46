/** Reading a user's own labelled table (CSV and friends) robustly for model training and evaluation. */
package org.greencredit.models.tabular;
