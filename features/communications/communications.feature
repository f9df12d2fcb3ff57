Feature: Communications: SMS sender IDs, email attachments, the org's time zone
  Seed 003 "Send SMS to customers from OU specific Sender IDs (API)": "Enhancement in v1.1/communications/sms
  API to include sender ID (sender) from which you want to send SMS. If no sender ID is passed, the default
  sender ID of the org will be used. If an invalid sender ID (sender ID not configured in the org) is passed,
  the default sender ID of the org will be used." Seed 003 "Enhancements to the Send email API to support image
  attachments": "For all image formats like jpg, png, jpeg, and gif this field's value needs to be set to
  "base64" [...] For other file types which aren't base64 encoded like txt, and pdf, file encoding type is not
  required." Seed 003 "Time Zone in Interactions Tab": "Any interaction that is sent via our gateway/systems
  will be shown in the organization time zone."

  # Ruling 173: the org's sender IDs (its own and its OUs') are the setting CONF_SMS_SENDER_IDS, its default
  # CONF_SMS_DEFAULT_SENDER_ID, its time zone CONF_ORG_TIMEZONE (memberspec's settings); what was sent, with the
  # sender ID used and the time in the org's time zone, is read through the test-control extension.
  # Ruling 174: an image sent without base64 is refused (8450) rather than delivered unreadable ("Only if the
  # file_encoding_type is base64, images will get uploaded in the right format"); the v2 name fileEncodingType
  # and the v1.1 name file_encoding_type are both read.

  Background:
    Given an org with these settings:
      | setting                    | value           |
      | CONF_SMS_DEFAULT_SENDER_ID | BRANDX          |
      | CONF_SMS_SENDER_IDS        | NORTHOU,SOUTHOU |
      | CONF_ORG_TIMEZONE          | Asia/Singapore  |

  Rule: An SMS goes out from the sender ID asked for when the org has it, else from the org's default

    @seed:003 @req:003-260
    Scenario Outline: The sender ID <given> gives <used>
      When an SMS is sent to mobile M1 with the sender ID "<given>"
      Then the SMS to mobile M1 went out from "<used>"

      Examples:
        | given   | used    |
        | NORTHOU | NORTHOU |
        | SOUTHOU | SOUTHOU |
        | PROMO99 | BRANDX  |

    @seed:003 @req:003-260
    Scenario: Without a sender ID the org's default is used
      When an SMS is sent to mobile M1 without a sender ID
      Then the SMS to mobile M1 went out from "BRANDX"

    @seed:003 @req:003-260
    Scenario: An empty sender ID, where the org has no sender IDs of its own, gives the default
      Given an org with these settings:
        | setting             | value |
        | CONF_SMS_SENDER_IDS |       |
      When an SMS is sent to mobile M1 with the sender ID ""
      Then the SMS to mobile M1 went out from "BRANDX"

    @seed:003 @req:003-262
    Scenario: What was sent shows its time in the org's time zone
      When an SMS is sent to mobile M1 without a sender ID
      Then the SMS to mobile M1 shows when it was sent with the offset +08:00

    @seed:003 @req:003-262
    Scenario Outline: An org in <zone> sees the time with the offset <offset>
      Given the org setting CONF_ORG_TIMEZONE is <zone>
      When an SMS is sent to mobile M1 without a sender ID
      Then the SMS to mobile M1 shows when it was sent with the offset <offset>

      # Zones without daylight saving time, so the offset does not depend on the day the suite runs.
      Examples:
        | zone               | offset |
        | Asia/Kolkata       | +05:30 |
        | America/Bogota     | -05:00 |
        | Pacific/Marquesas  | -09:30 |
        | Atlantic/Reykjavik | +00:00 |

  Rule: Image attachments are sent base64-encoded; other files need no encoding

    @seed:003 @req:003-261
    Scenario Outline: <file> <how>
      When an email with the attachment "<file>" <how> is sent to email E1
      Then the email to email E1 went out with the attachment "<file>" of <bytes> bytes

      Examples:
        | file          | how                                       | bytes |
        | card.png      | encoded as base64                         | 8     |
        | receipt.jpg   | encoded as base64 under the v1.1 name     | 10    |
        | photo.jpeg    | encoded as base64                         | 6     |
        | statement.pdf | not encoded                               | 8     |
        | terms.txt     | not encoded                               | 5     |
        | notes.png.txt | not encoded                               | 5     |

    @seed:003 @req:003-261
    Scenario: An email without attachments goes out with none
      When an email without attachments is sent to email E1
      Then the email to email E1 went out without attachments

    @seed:003 @req:003-261
    Scenario Outline: <file> <how> is refused
      When an email with the attachment "<file>" <how> is sent to email E1
      Then the request is refused with error <code>

      Examples:
        | file          | how                               | code |
        | banner.gif    | not encoded                       | 8450 |
        | photo.jpg     | not encoded                       | 8450 |
        | photo.jpeg    | not encoded                       | 8450 |
        | card.png      | not encoded                       | 8450 |
        | CARD.PNG      | not encoded                       | 8450 |
        | card.png      | with broken base64                | 8452 |
        | card.png      | with truncated base64             | 8452 |
        | card.png      | with base64 padded with three "=" | 8452 |
        | statement.pdf | encoded as gzip                   | 8451 |
