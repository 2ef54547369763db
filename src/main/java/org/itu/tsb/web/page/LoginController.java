package org.itu.tsb.web.page;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/** The login page of every part of the application, and the page of a request the user's role does not allow. */
@Controller
class LoginController {

    @GetMapping("/login")
    ModelAndView login(HttpSession session) {
        ModelAndView page = new ModelAndView("login");
        // why the last login failed: a wrong password, or failed logins being slowed ("try again in 8 seconds")
        if (session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof AuthenticationException e) {
            page.addObject("failure", e.getMessage());
        }
        return page;
    }

    @RequestMapping("/access-denied")
    ModelAndView accessDenied(HttpServletResponse response) {
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", HttpStatus.FORBIDDEN.value());
        page.setStatus(HttpStatus.FORBIDDEN);
        return page;
    }
}
