package dev.catalog.testbroker;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.springframework.web.filter.OncePerRequestFilter;

/** HTTP Basic for every request (spec S:261-264); Spring Security would be overkill here. */
final class BasicAuthFilter extends OncePerRequestFilter {
  private final byte[] expected;

  BasicAuthFilter(String username, String password) {
    var pair = username + ":" + password;
    this.expected =
        ("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)))
            .getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var header = request.getHeader("Authorization");
    if (header != null
        && MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8))) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(401);
    response.setHeader("WWW-Authenticate", "Basic realm=\"reference-broker\"");
    response.setContentType("application/json");
    response.getWriter().write("{\"description\":\"bad or missing credentials\"}");
  }
}
