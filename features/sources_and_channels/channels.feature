Feature: Communication channels
  A communication channel is the medium through which a customer receives messages. Each source profile
  carries its own channels, a source can also be a channel, and the customer is reachable on every
  channel it has shared.

  Background:
    Given an org with these settings:
      | setting                       | value  |
      | CONF_REGISTRATION_PRIMARY_KEY | mobile |

  Rule: The entity supports the documented communication channels

    # The "channel type" column is the name the API uses for the seed's channel.
    @seed:000 @seed:002 @req:000-05 @req:002-08
    Scenario Outline: A customer registered with a <Channel> channel
      When a loyalty registration arrives through INSTORE with these details:
        | mobile                 | M1      |
        | <channel type> channel | <value> |
      Then the request succeeds
      And the request created a new customer "Asha"
      And the INSTORE profile of "Asha" has these communication channels:
        | channel        | value   |
        | <channel type> | <value> |
      And "Asha" is reachable on <channel type>

      Examples:
        | Channel  | channel type | value                  |
        | WeChat   | wechat       | wx-openid-1            |
        | Mobile   | mobile       | M1                     |
        | iOS      | ios          | ios-device-token-1     |
        | Line     | line         | line-user-1            |
        | Email    | email        | E1                     |
        | WhatsApp | whatsapp     | M1                     |
        | Android  | android      | android-device-token-1 |
        | Postmail | postmail     | 12 MG Road, Bengaluru  |

    @seed:000 @seed:contract @req:000-05 @req:contract-05
    Scenario: A channel that is not supported is refused
      When a loyalty registration arrives through INSTORE with these details:
        | mobile         | M1     |
        | pigeon channel | loft 7 |
      Then the request is refused with error 8010
      And no customer is found with mobile M1

  Rule: A source can also be a communication channel

    @seed:000 @req:000-06
    Scenario: WeChat is both the source and a channel of the customer
      When a loyalty registration arrives through WECHAT account "wc-1" with these details:
        | mobile         | M1          |
        | wechat channel | wx-openid-1 |
      Then the request succeeds
      And the request created a new customer "Asha"
      And the WECHAT account "wc-1" profile of "Asha" has these communication channels:
        | channel | value       |
        | wechat  | wx-openid-1 |
      And "Asha" is reachable on wechat

  Rule: Channels belong to each source profile, and may differ across sources

    @seed:002 @req:002-08
    Scenario: Two sources with different channel details for the same customer
      Given a loyalty customer "Asha" registered through INSTORE with these details:
        | mobile         | M1 |
        | email channel  | E1 |
        | mobile channel | M1 |
      And "Asha" also registered through WEBSITE with these details:
        | mobile        | M1 |
        | email channel | E2 |
      Then the INSTORE profile of "Asha" has these communication channels:
        | channel | value |
        | email   | E1    |
        | mobile  | M1    |
      And the WEBSITE profile of "Asha" has these communication channels:
        | channel | value |
        | email   | E2    |
