/** Display texts in Chinese and English read from catalogues beside the code, with named placeholders. */
package org.greencredit.core.text;
