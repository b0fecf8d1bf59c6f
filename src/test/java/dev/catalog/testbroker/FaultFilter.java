package dev.catalog.testbroker;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the {@link FaultInjector}'s queued faults to OSB requests. An after-work fault lets the
 * broker do the work into a {@link DiscardingResponse}, then answers with the injected status once
 * the (async) answer is complete.
 */
final class FaultFilter extends OncePerRequestFilter {
  private static final String AFTER_WORK = FaultFilter.class.getName() + ".afterWork";
  private static final String NUMBER = FaultFilter.class.getName() + ".number";
  private final FaultInjector faults;

  FaultFilter(FaultInjector faults) {
    this.faults = faults;
  }

  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return false;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (isAsyncDispatch(request)) {
      var pending = (FaultInjector.Fault) request.getAttribute(AFTER_WORK);
      if (pending == null) {
        chain.doFilter(request, response);
        var number = (Integer) request.getAttribute(NUMBER);
        if (number != null) {
          faults.after(number, request.getMethod(), request.getRequestURI());
        }
        return;
      }
      var real = unwrap(response);
      chain.doFilter(request, new DiscardingResponse(real));
      write(real, pending.status());
      return;
    }
    var fault =
        request.getRequestURI().contains("/v2/")
            ? faults.take(request.getMethod())
            : Optional.<FaultInjector.Fault>empty();
    if (fault.isEmpty()) {
      if (!request.getRequestURI().contains("/v2/")) {
        chain.doFilter(request, response);
        return;
      }
      int number = faults.before(request.getMethod(), request.getRequestURI());
      request.setAttribute(NUMBER, number);
      chain.doFilter(request, response);
      if (!request.isAsyncStarted()) {
        faults.after(number, request.getMethod(), request.getRequestURI());
      }
      return;
    }
    var f = fault.get();
    if (!f.delay().isZero()) {
      if (faults.delay(f.delay())) { // the broker is slow, not the test
        chain.doFilter(request, response);
      } else {
        write(response, 503);
      }
    } else if (f.timing() == FaultInjector.Timing.AFTER_WORK) {
      request.setAttribute(AFTER_WORK, f);
      chain.doFilter(request, new DiscardingResponse(response)); // the work happens
      if (!request.isAsyncStarted()) {
        write(response, f.status());
      }
    } else {
      write(response, f.status());
    }
  }

  /** The servlet container's response under any wrappers, ours included. */
  private static HttpServletResponse unwrap(HttpServletResponse response) {
    var current = response;
    while (current instanceof jakarta.servlet.http.HttpServletResponseWrapper wrapper) {
      current = (HttpServletResponse) wrapper.getResponse();
    }
    return current;
  }

  private static void write(HttpServletResponse response, int status) throws IOException {
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType("application/json");
    response
        .getWriter()
        .write("{\"error\":\"InjectedFault\",\"description\":\"injected " + status + "\"}");
    response.flushBuffer();
  }
}
