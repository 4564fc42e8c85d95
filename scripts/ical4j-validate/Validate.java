import java.io.FileInputStream;
import java.io.InputStream;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.validate.ValidationEntry;
import net.fortuna.ical4j.validate.ValidationResult;

/**
 * Parses each iCalendar file given with ical4j (strictly) and validates it against RFC 5545.
 * Prints "OK file" or the file's messages; exits 1 if any file failed.
 */
public class Validate {
    public static void main(String[] args) {
        int failed = 0;
        for (String path : args) {
            try (InputStream in = new FileInputStream(path)) {
                Calendar calendar = new CalendarBuilder().build(in);
                ValidationResult result = calendar.validate();
                if (result.hasErrors()) {
                    failed++;
                    System.out.println("INVALID " + path);
                    for (ValidationEntry entry : result.getEntries()) {
                        System.out.println("  " + entry);
                    }
                } else {
                    System.out.println("OK " + path);
                }
            } catch (Exception e) {
                failed++;
                System.out.println("INVALID " + path);
                System.out.println("  " + e);
            }
        }
        System.exit(failed == 0 ? 0 : 1);
    }
}
