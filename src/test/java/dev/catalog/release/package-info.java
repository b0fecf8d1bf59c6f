/** Build-time generators for the release layout under {@code target/dist} (issue 8). */
package dev.catalog.release;
