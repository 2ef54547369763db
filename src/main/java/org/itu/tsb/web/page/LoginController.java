package org.itu.tsb.web.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/** The login page of every part of the application, and the page of a request the user's role does not allow. */
@Controller
class LoginController {

    private final MessageSource messages;

    LoginController(MessageSource messages) {
        this.messages = messages;
    }

    @GetMapping("/login")
    ModelAndView login(HttpSession session) {
        ModelAndView page = new ModelAndView("login");
        // why the last login failed: a wrong password, or failed logins being slowed ("try again in 8 seconds")
        if (session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof AuthenticationException e) {
            page.addObject("failure", e.getMessage());
        }
        return page;
    }

    /**
     * A refused request. A form whose CSRF token is missing or out of date (a session that expired while the form was
     * being filled in) is not a question of role: the user is told to reload the form.
     */
    @RequestMapping("/access-denied")
    ModelAndView accessDenied(HttpServletRequest request) {
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", HttpStatus.FORBIDDEN.value());
        if (request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException) {
            page.addObject("title", messages.getMessage("error.csrf.title", null, LocaleContextHolder.getLocale()));
            page.addObject("message", messages.getMessage("error.csrf.message", null, LocaleContextHolder.getLocale()));
        }
        page.setStatus(HttpStatus.FORBIDDEN);
        return page;
    }
}
