package org.itu.tsb.web.error;

/** A page asked for something that does not exist (e.g. a reply version of another consultation): 404 with the message. */
public class PageNotFoundException extends RuntimeException {

    public PageNotFoundException(String message) {
        super(message);
    }
}
