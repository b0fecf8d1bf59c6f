package dev.catalog.testbroker;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * A response that swallows what the broker writes, so an injected status can replace it after the
 * work was done. Spring OSB answers asynchronously (Mono), so the real response is written on a
 * second, async dispatch that receives this same wrapper.
 */
final class DiscardingResponse extends HttpServletResponseWrapper {
  DiscardingResponse(HttpServletResponse response) {
    super(response);
  }

  HttpServletResponse real() {
    return (HttpServletResponse) getResponse();
  }

  @Override
  public void setStatus(int sc) {}

  @Override
  public void setHeader(String name, String value) {}

  @Override
  public void addHeader(String name, String value) {}

  @Override
  public void setContentType(String type) {}

  @Override
  public void setContentLength(int len) {}

  @Override
  public void setContentLengthLong(long len) {}

  @Override
  public void sendError(int sc) {}

  @Override
  public void sendError(int sc, String msg) {}

  @Override
  public void flushBuffer() {}

  @Override
  public boolean isCommitted() {
    return false;
  }

  @Override
  public ServletOutputStream getOutputStream() {
    return new ServletOutputStream() {
      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setWriteListener(WriteListener listener) {}

      @Override
      public void write(int b) {}
    };
  }

  @Override
  public PrintWriter getWriter() {
    return new PrintWriter(OutputStream.nullOutputStream());
  }
}
