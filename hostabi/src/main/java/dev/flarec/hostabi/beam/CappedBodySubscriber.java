package dev.flarec.hostabi.beam;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into a byte array, but gives up (and cancels the download) as soon as it
 * passes a cap, so a huge or endless upstream body costs at most the cap in memory.
 */
final class CappedBodySubscriber implements BodySubscriber<byte[]> {
  /** The body passed the cap. */
  static final class TooLargeException extends IOException {
    TooLargeException(int cap) {
      super("response body larger than " + cap + " bytes");
    }
  }

  private final int cap;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  CappedBodySubscriber(int cap) {
    this.cap = cap;
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer b : buffers) {
      if (bytes.size() + (long) b.remaining() > cap) {
        subscription.cancel();
        result.completeExceptionally(new TooLargeException(cap));
        return;
      }
      byte[] chunk = new byte[b.remaining()];
      b.get(chunk);
      bytes.write(chunk, 0, chunk.length);
    }
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    result.complete(bytes.toByteArray());
  }
}
