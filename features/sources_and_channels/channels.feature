Feature: Communication channels
  A communication channel is the medium through which a customer receives messages. Each source profile
  carries its own channels, a source can also be a channel, and the customer is reachable on every
  channel it has shared.

  Background:
    Given an org with these settings:
      | setting                       | value  |
      | CONF_REGISTRATION_PRIMARY_KEY | mobile |

  Rule: The entity supports the documented communication channels

    # The "channel type" column is the name the API uses for the seed's channel. WeChat and Line, channels
    # that are also sources, are registered through their own source: see the last rule (ruling 23).
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
        | Mobile   | mobile       | M1                     |
        | iOS      | ios          | ios-device-token-1     |
        | Email    | email        | E1                     |
        | WhatsApp | whatsapp     | M1                     |
        | Android  | android      | android-device-token-1 |
        | Postmail | postmail     | 12 MG Road, Bengaluru  |

    # The API's channel types add mobilePush to the seed's; letter case aside, it is the same channel type.
    @seed:contract @req:contract-05
    Scenario: A customer registered with a mobilePush channel, as the API writes it
      When a loyalty registration arrives through INSTORE with these details:
        | mobile             | M1           |
        | mobilePush channel | push-token-1 |
      Then the request succeeds
      And the request created a new customer "Asha"
      And the INSTORE profile of "Asha" has these communication channels:
        | channel    | value        |
        | mobilePush | push-token-1 |
      And "Asha" is reachable on mobilePush

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

    # The customer part of a transaction updates the profile of its source like a registration would
    # (ruling 4). The transaction repeats the channels the profile has, so a vendor that replaces a profile's
    # channels and one that adds to them show the same list: each channel once, the new ones added.
    @seed:002 @req:002-08 @seed:contract @req:contract-06
    Scenario: A later request through the same source keeps each channel once and adds the new ones
      Given a loyalty customer "Asha" registered through INSTORE with these details:
        | mobile          | M1                     |
        | email channel   | E1                     |
        | android channel | android-device-token-1 |
      When a loyalty transaction arrives through INSTORE with these details:
        | mobile           | M1                     |
        | email channel    | E1                     |
        | android channel  | android-device-token-1 |
        | android channel  | android-device-token-2 |
        | mobile channel   | M1                     |
        | whatsapp channel | M1                     |
      Then the request succeeds
      And the request's customer is "Asha"
      And the INSTORE profile of "Asha" has these communication channels:
        | channel  | value                  |
        | email    | E1                     |
        | android  | android-device-token-1 |
        | android  | android-device-token-2 |
        | mobile   | M1                     |
        | whatsapp | M1                     |

  Rule: A channel that is also a source comes from that source, or from any source, as the vendor states

    # Ruling 23: seed 000 "Communication channels can vary, and information may be collected from diverse
    # sources. For instance, a customer's communication channel, such as WeChat, may exclusively come from
    # the WeChat system." This reads as a possibility (a WeChat channel usually comes from WeChat) or as a
    # restriction (it comes only from WeChat). The vendor states its reading in the org setting
    # CONF_CHANNELS_FROM_OWN_SOURCE_ONLY (a vendor profile must state it), and both readings are tested.
    # Line is the other channel that is also a source.
    @seed:000 @seed:002 @req:000-05 @req:000-06 @req:000-70 @req:002-08
    Scenario Outline: A <Channel> channel through its own source is accepted in either reading (own source only: <own source only>)
      Given the org setting CONF_CHANNELS_FROM_OWN_SOURCE_ONLY is <own source only>
      When a loyalty registration arrives through <source> with these details:
        | mobile                 | M1      |
        | <channel type> channel | <value> |
      Then the request succeeds
      And the request created a new customer "Asha"
      And the <source> profile of "Asha" has these communication channels:
        | channel        | value   |
        | <channel type> | <value> |
      And "Asha" is reachable on <channel type>

      Examples:
        | Channel | channel type | value       | source                | own source only |
        | WeChat  | wechat       | wx-openid-1 | WECHAT account "wc-1" | true            |
        | WeChat  | wechat       | wx-openid-1 | WECHAT account "wc-1" | false           |
        | Line    | line         | line-user-1 | LINE account "line-1" | true            |
        | Line    | line         | line-user-1 | LINE account "line-1" | false           |

    @seed:000 @req:000-70 @seed:contract @req:contract-05
    Scenario Outline: Where channels come only from their own source, a <Channel> channel through INSTORE is refused
      Given the org setting CONF_CHANNELS_FROM_OWN_SOURCE_ONLY is true
      When a loyalty registration arrives through INSTORE with these details:
        | mobile                 | M1      |
        | <channel type> channel | <value> |
      Then the request is refused with error 8010
      And the error message mentions "<source>"
      And no customer is found with mobile M1

      Examples:
        | Channel | channel type | value       | source |
        | WeChat  | wechat       | wx-openid-1 | WECHAT |
        | Line    | line         | line-user-1 | LINE   |

    @seed:000 @req:000-05 @req:000-70
    Scenario: Where channels come only from their own source, a channel that is no source comes through any source
      Given the org setting CONF_CHANNELS_FROM_OWN_SOURCE_ONLY is true
      When a loyalty registration arrives through INSTORE with these details:
        | mobile        | M1 |
        | email channel | E1 |
      Then the request succeeds
      And the request created a new customer "Asha"
      And the INSTORE profile of "Asha" has these communication channels:
        | channel | value |
        | email   | E1    |

    @seed:000 @seed:002 @req:000-05 @req:000-70 @req:002-08
    Scenario Outline: Where channels may come from any source, a <Channel> channel through INSTORE is kept
      Given the org setting CONF_CHANNELS_FROM_OWN_SOURCE_ONLY is false
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
        | Channel | channel type | value       |
        | WeChat  | wechat       | wx-openid-1 |
        | Line    | line         | line-user-1 |
