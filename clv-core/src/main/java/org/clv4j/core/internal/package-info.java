/**
 * Implementation helpers shared by the clv4j modules; exported to {@code org.clv4j.models} only, not part of the
 * clv4j API.
 */
package org.clv4j.core.internal;
