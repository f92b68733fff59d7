package dev.jgrad.symbolic;

import dev.jgrad.symbolic.Expr.Add;
import dev.jgrad.symbolic.Expr.Call;
import dev.jgrad.symbolic.Expr.Div;
import dev.jgrad.symbolic.Expr.Mul;
import dev.jgrad.symbolic.Expr.Neg;
import dev.jgrad.symbolic.Expr.Num;
import dev.jgrad.symbolic.Expr.Pow;
import dev.jgrad.symbolic.Expr.Sub;
import dev.jgrad.symbolic.Expr.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Recursive-descent parser for
 * <pre>
 * sum     = product (("+" | "-") product)*
 * product = unary (("*" | "/") unary)*
 * unary   = ("-" | "+") unary | power
 * power   = primary ("^" unary)?          right-associative; "**" is accepted for "^"
 * primary = number | name | name "(" sum ("," sum)* ")" | "(" sum ")"
 * </pre>
 * As in mathematics, {@code -x^2} is {@code -(x^2)} and {@code 2^3^2} is {@code 2^9}. There is
 * no implicit multiplication: {@code 2x} is an error that says so.
 */
final class Parser {
    /** Bounds the recursion of the parser and of the algorithms that walk the tree. */
    static final int MAX_DEPTH = 250;
    private static final String OPERAND = "expected a number, variable, function call or '('";
    private static final String NO_IMPLICIT = "implicit multiplication is not supported, write '*'";

    private enum Kind { NUMBER, NAME, PLUS, MINUS, STAR, SLASH, CARET, LPAREN, RPAREN, COMMA, END }

    private record Token(Kind kind, String text, int start) {
    }

    private final String input;
    private final List<Token> tokens;
    private int pos;
    private int nesting;

    private Parser(String input) {
        this.input = input;
        this.tokens = tokenize(input);
    }

    static Expr parse(String input) {
        Objects.requireNonNull(input, "expression text");
        var parser = new Parser(input);
        Expr e = parser.sum();
        Token next = parser.peek();
        if (next.kind() != Kind.END) {
            throw next.kind() == Kind.RPAREN
                    ? new ParseException(input, next.start(), "unmatched ')'", "")
                    : parser.operatorError(next, "expected an operator or end of input");
        }
        int depth = e.depth();
        if (depth > MAX_DEPTH) {
            throw new ParseException(input, 0, "expression too deep", "its tree has " + depth
                    + " levels, more than " + MAX_DEPTH + "; split it into smaller expressions");
        }
        return e;
    }

    private Expr sum() {
        Expr e = product();
        while (peek().kind() == Kind.PLUS || peek().kind() == Kind.MINUS) {
            boolean plus = next().kind() == Kind.PLUS;
            Expr right = product();
            e = plus ? new Add(e, right) : new Sub(e, right);
        }
        return e;
    }

    private Expr product() {
        Expr e = unary();
        while (peek().kind() == Kind.STAR || peek().kind() == Kind.SLASH) {
            boolean times = next().kind() == Kind.STAR;
            Expr right = unary();
            e = times ? new Mul(e, right) : new Div(e, right);
        }
        return e;
    }

    private Expr unary() {
        Token t = peek();
        if (++nesting > MAX_DEPTH) {
            throw error(t, "expression nested too deeply (more than " + MAX_DEPTH + " levels)");
        }
        try {
            if (t.kind() == Kind.MINUS) {
                next();
                return new Neg(unary());
            }
            if (t.kind() == Kind.PLUS) {
                next();
                return unary();
            }
            return power();
        } finally {
            nesting--;
        }
    }

    private Expr power() {
        Expr base = primary();
        if (peek().kind() == Kind.CARET) {
            next();
            return new Pow(base, unary());
        }
        return base;
    }

    private Expr primary() {
        Token t = next();
        switch (t.kind()) {
            case NUMBER:
                return number(t);
            case NAME:
                return name(t);
            case LPAREN: {
                Expr inner = sum();
                expect(Kind.RPAREN, "expected ')'", "the '(' at column " + (t.start() + 1) + " is not closed");
                return inner;
            }
            default:
                throw error(t, OPERAND);
        }
    }

    private Expr number(Token t) {
        double value = Double.parseDouble(t.text());
        if (Double.isInfinite(value)) {
            throw new ParseException(input, t.start(), "number " + t.text() + " is too large for a double", "");
        }
        return new Num(value);
    }

    private Expr name(Token t) {
        var function = Func.byName(t.text());
        if (peek().kind() != Kind.LPAREN) {
            if (function.isPresent()) {
                throw error(peek(), "expected '(' after function '" + t.text() + "'");
            }
            return new Var(t.text());
        }
        if (function.isEmpty()) {
            throw new ParseException(input, t.start(), "unknown function '" + t.text() + "'",
                    "known functions are " + Func.knownNames() + "; a product needs '*', as in "
                            + t.text() + "*(...)");
        }
        Token open = next();
        List<Expr> args = new ArrayList<>();
        args.add(sum());
        while (peek().kind() == Kind.COMMA) {
            next();
            args.add(sum());
        }
        expect(Kind.RPAREN, function.get().arity() > args.size() ? "expected ',' or ')'" : "expected ')'",
                "the '(' of " + t.text() + " at column " + (open.start() + 1) + " is not closed");
        if (args.size() != function.get().arity()) {
            throw new ParseException(input, t.start(), "function '" + t.text() + "' takes " + function.get().arity()
                    + (function.get().arity() == 1 ? " argument" : " arguments"), "found " + args.size());
        }
        return new Call(function.get(), args);
    }

    private void expect(Kind kind, String problem, String note) {
        Token t = peek();
        if (t.kind() != kind) {
            ParseException e = operatorError(t, problem);
            throw t.kind() == Kind.END ? new ParseException(input, t.start(), problem, "found end of input; " + note) : e;
        }
        next();
    }

    private ParseException error(Token found, String problem) {
        String detail = found.kind() == Kind.END ? "found end of input" : "found '" + found.text() + "'";
        return new ParseException(input, found.start(), problem, detail);
    }

    /** Where an operator was due: an operand there is most likely meant as implicit multiplication. */
    private ParseException operatorError(Token found, String problem) {
        ParseException plain = error(found, problem);
        boolean startsOperand = found.kind() == Kind.NUMBER || found.kind() == Kind.NAME || found.kind() == Kind.LPAREN;
        if (!startsOperand) {
            return plain;
        }
        return new ParseException(input, found.start(), problem, "found '" + found.text() + "' (" + NO_IMPLICIT + ")");
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.END) {
            pos++;
        }
        return t;
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (isDigit(c) || (c == '.' && i + 1 < s.length() && isDigit(s.charAt(i + 1)))) {
                int end = scanNumber(s, i);
                out.add(new Token(Kind.NUMBER, s.substring(i, end), i));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < s.length() && (isAsciiLetter(s.charAt(end)) || isDigit(s.charAt(end)) || s.charAt(end) == '_')) {
                    end++;
                }
                if (end == i) {
                    throw new ParseException(s, i, "unexpected character '" + c + "'",
                            "names use ASCII letters, digits and '_'");
                }
                out.add(new Token(Kind.NAME, s.substring(i, end), i));
                i = end;
            } else if (c == '*' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                out.add(new Token(Kind.CARET, "**", i));
                i += 2;
            } else {
                Kind kind = switch (c) {
                    case '+' -> Kind.PLUS;
                    case '-' -> Kind.MINUS;
                    case '*' -> Kind.STAR;
                    case '/' -> Kind.SLASH;
                    case '^' -> Kind.CARET;
                    case '(' -> Kind.LPAREN;
                    case ')' -> Kind.RPAREN;
                    case ',' -> Kind.COMMA;
                    default -> throw new ParseException(s, i, "unexpected character '" + c + "'", "");
                };
                out.add(new Token(kind, String.valueOf(c), i));
                i++;
            }
        }
        out.add(new Token(Kind.END, "", s.length()));
        return out;
    }

    /** digits [. digits] [(e|E) [+|-] digits], or . digits [...]. */
    private static int scanNumber(String s, int start) {
        int i = start;
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            if (i >= s.length() || !isDigit(s.charAt(i))) {
                throw new ParseException(s, i, "expected a digit after the decimal point", "");
            }
            while (i < s.length() && isDigit(s.charAt(i))) {
                i++;
            }
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            if (i >= s.length() || !isDigit(s.charAt(i))) {
                throw new ParseException(s, i, "expected the digits of the exponent of " + s.substring(start, i), "");
            }
            while (i < s.length() && isDigit(s.charAt(i))) {
                i++;
            }
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
