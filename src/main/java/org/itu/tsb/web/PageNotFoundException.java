package org.itu.tsb.web;

/** A page asked for something that does not exist (e.g. a reply version of another consultation): 404 with the message. */
class PageNotFoundException extends RuntimeException {

    PageNotFoundException(String message) {
        super(message);
    }
}
